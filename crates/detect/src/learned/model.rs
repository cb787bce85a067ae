// Written by scripts/learned/train.py; do not edit.
// 21801 rows (8109 attacks), C = 16.0
pub(crate) const BIAS: f32 = -4.2033753;
pub(crate) const SCALE: f32 = 0.38390368;
