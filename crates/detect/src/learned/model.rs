// Written by scripts/learned/train.py; do not edit.
// 21810 rows (8114 attacks), C = 16.0
pub(crate) const BIAS: f32 = -4.5897555;
pub(crate) const SCALE: f32 = 0.37924314;
