//! What the transform hands back besides the body's statements: the preamble and closing that
//! wrap them into the generator, the linkage metadata, the source map, and the JSON string
//! literals both of the latter are written with.

pub mod json_string;
pub mod metadata;
pub mod preamble;
pub mod source_map;
