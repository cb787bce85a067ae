// Written by scripts/learned/train.py; do not edit.
// 21846 rows (8137 attacks), C = 16.0
pub(crate) const BIAS: f32 = -4.8799124;
pub(crate) const SCALE: f32 = 0.39881602;
