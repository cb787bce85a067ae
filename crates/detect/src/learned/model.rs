// Written by scripts/learned/train.py; do not edit.
// 15593 rows (2559 attacks), C = 8.0
pub(crate) const BIAS: f32 = -1.4981403;
pub(crate) const SCALE: f32 = 0.14039281;
