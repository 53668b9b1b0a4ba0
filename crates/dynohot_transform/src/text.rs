//! Text utilities shared by the passes that read or write module text byte by byte: line breaks
//! as JavaScript counts them, and bytes classified a block at a time.

pub mod byte_blocks;
pub mod line_breaks;
