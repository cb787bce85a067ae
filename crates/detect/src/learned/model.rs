// Written by scripts/learned/train.py; do not edit.
// 19349 rows (6095 attacks), C = 8.0
pub(crate) const BIAS: f32 = -3.6652112;
pub(crate) const SCALE: f32 = 0.25907722;
