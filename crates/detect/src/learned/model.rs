// Written by scripts/learned/train.py; do not edit.
// 21848 rows (8138 attacks), C = 16.0
pub(crate) const BIAS: f32 = -4.702908;
pub(crate) const SCALE: f32 = 0.39586243;
