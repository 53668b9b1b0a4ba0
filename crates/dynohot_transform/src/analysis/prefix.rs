//! The choice of the prefix of invented names (`$hot$`, `$hot1$`, …).
//!
//! ```text
//! const $hot$imports = 1;
//! const value = "$hot1$";      →    $hot2$  (the first prefix no name or string of the module uses)
//! ```

/// The first of `$hot$`, `$hot1$`, `$hot2$`, … that no identifier, property name or string in the
/// module starts with (`module_scan` notes them all), so no invented name can collide with or be
/// shadowed by user code.
pub fn choose_prefix(collector: &HotNames) -> String {
    (0usize..)
        .map(|n| {
            if n == 0 {
                "$hot$".to_owned()
            } else {
                format!("$hot{n}$")
            }
        })
        .find(|prefix| !collector.names.iter().any(|name| name.starts_with(prefix)))
        .unwrap_or_default()
}

/// Every name in the module that starts with `$hot` (the only ones that can collide).
#[derive(Default)]
pub struct HotNames {
    names: Vec<String>,
}

impl HotNames {
    pub fn note(&mut self, name: &str) {
        if name.starts_with("$hot") {
            self.names.push(name.to_owned());
        }
    }
}
