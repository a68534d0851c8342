use std::path::PathBuf;
fn vm(tag: &str) {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    let get = |k: &str| {
        s.lines()
            .find(|l| l.starts_with(k))
            .unwrap()
            .split_whitespace()
            .nth(1)
            .unwrap()
            .parse::<u64>()
            .unwrap()
            / 1024
    };
    eprintln!(
        "{tag:<20} rss {:>4} MB  hwm {:>4} MB",
        get("VmRSS:"),
        get("VmHWM:")
    );
}
fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap());
    let cache = std::env::args().nth(2).map(PathBuf::from);
    vm("start");
    let loaded = khutta::store::load_with_cache(&dir, cache.as_deref()).unwrap();
    vm("loaded");
    let all = khutta::workspace::analyse(&loaded);
    vm("analysed");
    std::hint::black_box((&loaded, &all));
}
#[path = "../src/alloc.rs"]
mod alloc;
