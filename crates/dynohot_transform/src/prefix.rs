//! The choice of the prefix of invented names (`$hot$`, `$hot1$`, …).

use swc_core::ecma::{
    ast::{Ident, IdentName, Module, PrivateName, Str},
    visit::{Visit, VisitWith},
};

/// The first of `$hot$`, `$hot1$`, `$hot2$`, … that no identifier, property name or string in the
/// module starts with, so no invented name can collide with or be shadowed by user code.
pub fn choose_prefix(module: &Module) -> String {
    let mut collector = HotNames::default();
    module.visit_with(&mut collector);
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
struct HotNames {
    names: Vec<String>,
}

impl HotNames {
    fn note(&mut self, name: &str) {
        if name.starts_with("$hot") {
            self.names.push(name.to_owned());
        }
    }
}

impl Visit for HotNames {
    fn visit_ident(&mut self, node: &Ident) {
        self.note(&node.sym);
    }

    fn visit_ident_name(&mut self, node: &IdentName) {
        self.note(&node.sym);
    }

    fn visit_private_name(&mut self, node: &PrivateName) {
        self.note(&node.name);
    }

    fn visit_str(&mut self, node: &Str) {
        self.note(&node.value.to_string_lossy());
    }
}
