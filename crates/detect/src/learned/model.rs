// Written by scripts/learned/train.py; do not edit.
// 21826 rows (8130 attacks), C = 16.0
pub(crate) const BIAS: f32 = -4.605947;
pub(crate) const SCALE: f32 = 0.36599427;
