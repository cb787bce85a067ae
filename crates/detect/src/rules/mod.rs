//! The rules: the catalogue of stable ids, the atoms they are built from, tool-reference
//! analysis, sentence segmentation, and the combiner that turns them into findings.

pub(crate) mod atoms;
pub mod catalog;
pub(crate) mod combine;
pub(crate) mod exfil;
pub(crate) mod objective;
pub(crate) mod param_names;
pub(crate) mod patterns;
pub(crate) mod sentences;
pub(crate) mod shadow;
pub(crate) mod switches;
pub(crate) mod tamper;
pub(crate) mod tools;
// What may follow an anchor for a pattern of `atoms` to match (the searches it spares).
mod follow;
