// Written by scripts/learned/train.py; do not edit.
// 17420 rows (2235 attacks), C = 8.0
pub(crate) const BIAS: f32 = -1.4241105;
pub(crate) const SCALE: f32 = 0.14486462;
