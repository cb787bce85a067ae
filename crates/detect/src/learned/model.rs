// Written by scripts/learned/train.py; do not edit.
// 21808 rows (8113 attacks), C = 16.0
pub(crate) const BIAS: f32 = -5.1493964;
pub(crate) const SCALE: f32 = 0.4353218;
