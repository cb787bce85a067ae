// Written by scripts/learned/train.py; do not edit.
// 21844 rows (8137 attacks), C = 16.0
pub(crate) const BIAS: f32 = -4.7792478;
pub(crate) const SCALE: f32 = 0.38531545;
