// Written by scripts/learned/train.py; do not edit.
// 19727 rows (6411 attacks), C = 8.0
pub(crate) const BIAS: f32 = -3.691264;
pub(crate) const SCALE: f32 = 0.2632701;
