// Written by scripts/learned/train.py; do not edit.
// 21827 rows (8131 attacks), C = 16.0
pub(crate) const BIAS: f32 = -4.486539;
pub(crate) const SCALE: f32 = 0.37711382;
