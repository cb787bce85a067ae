//! Which policies can apply to a request at all, decided from their scope alone.
//!
//! Cedar evaluates a policy as `principal-scope && action-scope && resource-scope && conditions`,
//! so a policy whose scope excludes the request evaluates to false, without an error, whatever its
//! conditions say. Leaving such policies out changes no answer, and when none is left the request
//! is never built for Cedar at all (the entities and context are most of the cost of a decision).
//!
//! The check is conservative: it says "cannot apply" only for the shapes it fully understands
//! (our schema: `Client` and `Server` have no parents; an item's only parent is its server;
//! actions have no groups). Anything else is left to Cedar.

use cedar_policy::{ActionConstraint, EntityUid, Policy, PrincipalConstraint, ResourceConstraint};

/// The actions of the schema, in the order of [`ACTIONS`] indices.
pub(crate) const ACTIONS: [&str; 6] = [
    "call_tool",
    "list_tools",
    "read_resource",
    "get_prompt",
    "sample",
    "elicit",
];

/// The index of `action` in [`ACTIONS`].
pub(crate) fn action_index(action: &str) -> Option<usize> {
    ACTIONS.iter().position(|a| *a == action)
}

/// An entity uid of a scope, as text.
#[derive(Debug, Clone)]
struct Uid {
    ty: String,
    id: String,
}

impl From<&EntityUid> for Uid {
    fn from(uid: &EntityUid) -> Uid {
        Uid {
            ty: uid.type_name().to_string(),
            id: uid.id().unescaped().to_string(),
        }
    }
}

/// A principal or resource scope.
#[derive(Debug, Clone)]
enum Scope {
    Any,
    Eq(Uid),
    In(Uid),
    Is(String),
    IsIn(String, Uid),
}

/// The resource of a request: `Server::"<server>"`, or an item `<ty>::"<server>/<item>"` whose
/// parent is `Server::"<server>"`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Resource<'a> {
    /// `Tool`, `Prompt`, `Resource` or `Server`.
    pub ty: &'static str,
    /// The server's name.
    pub server: &'a str,
    /// The item's name or URI (`None` for a server).
    pub item: Option<&'a str>,
}

impl Resource<'_> {
    fn is(&self, uid: &Uid) -> bool {
        if uid.ty != self.ty {
            return false;
        }
        match self.item {
            None => uid.id == self.server,
            Some(item) => {
                uid.id
                    .strip_prefix(self.server)
                    .and_then(|rest| rest.strip_prefix('/'))
                    == Some(item)
            }
        }
    }

    fn within(&self, uid: &Uid) -> bool {
        self.is(uid) || (self.item.is_some() && uid.ty == "Server" && uid.id == self.server)
    }

    fn matches(&self, scope: &Scope) -> bool {
        match scope {
            Scope::Any => true,
            Scope::Eq(uid) => self.is(uid),
            Scope::In(uid) => self.within(uid),
            Scope::Is(ty) => ty == self.ty,
            Scope::IsIn(ty, uid) => ty == self.ty && self.within(uid),
        }
    }
}

/// The principal `Client::"<id>"` (no parents) against a scope.
fn principal_matches(principal: &str, scope: &Scope) -> bool {
    let is = |uid: &Uid| uid.ty == "Client" && uid.id == principal;
    match scope {
        Scope::Any => true,
        Scope::Eq(uid) | Scope::In(uid) => is(uid),
        Scope::Is(ty) => ty == "Client",
        Scope::IsIn(ty, uid) => ty == "Client" && is(uid),
    }
}

/// What a policy's scope admits.
#[derive(Debug, Clone)]
pub(crate) struct PolicyScope {
    principal: Scope,
    /// Indices into [`ACTIONS`] the action scope admits.
    actions: Vec<usize>,
    resource: Scope,
}

impl PolicyScope {
    /// Read the scope of `policy`.
    pub(crate) fn of(policy: &Policy) -> PolicyScope {
        let principal = match policy.principal_constraint() {
            PrincipalConstraint::Any => Scope::Any,
            PrincipalConstraint::Eq(u) => Scope::Eq((&u).into()),
            PrincipalConstraint::In(u) => Scope::In((&u).into()),
            PrincipalConstraint::Is(t) => Scope::Is(t.to_string()),
            PrincipalConstraint::IsIn(t, u) => Scope::IsIn(t.to_string(), (&u).into()),
        };
        let resource = match policy.resource_constraint() {
            ResourceConstraint::Any => Scope::Any,
            ResourceConstraint::Eq(u) => Scope::Eq((&u).into()),
            ResourceConstraint::In(u) => Scope::In((&u).into()),
            ResourceConstraint::Is(t) => Scope::Is(t.to_string()),
            ResourceConstraint::IsIn(t, u) => Scope::IsIn(t.to_string(), (&u).into()),
        };
        let admits = |uids: &[EntityUid], action: &str| {
            uids.iter().any(|u| {
                let u = Uid::from(u);
                u.ty == "Action" && u.id == action
            })
        };
        let actions = (0..ACTIONS.len())
            .filter(|&i| match &policy.action_constraint() {
                ActionConstraint::Any => true,
                ActionConstraint::Eq(u) => admits(std::slice::from_ref(u), ACTIONS[i]),
                ActionConstraint::In(us) => admits(us, ACTIONS[i]),
            })
            .collect();
        PolicyScope {
            principal,
            actions,
            resource,
        }
    }

    /// Whether the scope admits action `index`.
    pub(crate) fn admits_action(&self, index: usize) -> bool {
        self.actions.contains(&index)
    }

    /// Whether the scope may admit this principal and resource.
    pub(crate) fn may_apply(&self, principal: &str, resource: &Resource<'_>) -> bool {
        principal_matches(principal, &self.principal) && resource.matches(&self.resource)
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use cedar_policy::Policy;

    use super::{action_index, PolicyScope, Resource};

    fn scope(text: &str) -> PolicyScope {
        PolicyScope::of(&Policy::from_str(text).unwrap())
    }

    const TOOL: Resource<'static> = Resource {
        ty: "Tool",
        server: "git",
        item: Some("git_push"),
    };
    const SERVER: Resource<'static> = Resource {
        ty: "Server",
        server: "git",
        item: None,
    };

    #[test]
    fn scopes_admit_what_cedar_would() {
        let call = action_index("call_tool").unwrap();
        let list = action_index("list_tools").unwrap();
        let s = scope("permit(principal, action, resource);");
        assert!(s.admits_action(call) && s.admits_action(5));
        assert!(s.may_apply("", &TOOL) && s.may_apply("x", &SERVER));

        let s = scope(
            r#"forbid(principal == Client::"bot", action in [Action::"call_tool", Action::"list_tools"], resource == Tool::"git/git_push");"#,
        );
        assert!(s.admits_action(call) && s.admits_action(list) && !s.admits_action(4));
        assert!(s.may_apply("bot", &TOOL));
        assert!(!s.may_apply("bo", &TOOL) && !s.may_apply("bot", &SERVER));
        let other = Resource {
            item: Some("git_pus"),
            ..TOOL
        };
        assert!(!s.may_apply("bot", &other));
        let prefix = Resource {
            server: "gi",
            ..TOOL
        };
        assert!(!s.may_apply("bot", &prefix));

        let s = scope(
            r#"forbid(principal in Client::"a", action == Action::"sample", resource in Server::"git");"#,
        );
        assert!(s.admits_action(4) && !s.admits_action(call));
        assert!(s.may_apply("a", &TOOL) && s.may_apply("a", &SERVER) && !s.may_apply("b", &TOOL));
        let elsewhere = Resource {
            server: "fs",
            ..TOOL
        };
        assert!(!s.may_apply("a", &elsewhere));

        let s = scope(r#"forbid(principal is Client, action, resource is Tool in Server::"git");"#);
        assert!(s.may_apply("", &TOOL) && !s.may_apply("", &SERVER));
        let prompt = Resource {
            ty: "Prompt",
            ..TOOL
        };
        assert!(!s.may_apply("", &prompt));
        let s = scope(r#"forbid(principal is Client in Client::"x", action, resource is Server);"#);
        assert!(
            s.may_apply("x", &SERVER) && !s.may_apply("y", &SERVER) && !s.may_apply("x", &TOOL)
        );
    }
}
