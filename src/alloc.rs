//! The memory allocator of the `khutta` binary, its benches and examples.
//!
//! Opening a large plan allocates hundreds of thousands of small strings and vectors on
//! several threads at once; mimalloc does that about a third faster than the system allocator
//! (`cargo run --release --example phases` on a 100,000-activity plan). Benches and examples
//! include this file so that they measure what users run.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
