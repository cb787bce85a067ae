//! `mcpguard approve`, `deny`, `approvals`: decide calls that `wrap` holds for a human.

use anyhow::bail;
use mcpguard_store::{ApprovalStatus, Remember};

use crate::datadir::DataDirArgs;
use crate::exit::Exit;

/// `mcpguard approve ID`
#[derive(Debug, clap::Args)]
pub struct ApproveArgs {
    /// The approval id `wrap` printed (see `mcpguard approvals`).
    pub id: i64,
    /// Allow this tool for the rest of that session, not just this call.
    #[arg(long)]
    pub session: bool,
    #[command(flatten)]
    pub data: DataDirArgs,
}

/// `mcpguard deny ID`
#[derive(Debug, clap::Args)]
pub struct DenyArgs {
    pub id: i64,
    #[command(flatten)]
    pub data: DataDirArgs,
}

/// `mcpguard approvals`
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Decided ones too, not only those waiting.
    #[arg(long)]
    pub all: bool,
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub data: DataDirArgs,
}

fn decide(
    data: &DataDirArgs,
    id: i64,
    status: ApprovalStatus,
    remember: Remember,
) -> anyhow::Result<Exit> {
    let store = data.open()?;
    if !store.decide_approval(id, status, remember, "cli")? {
        match store.approval(id)? {
            None => bail!("no held call has id {id} (see `mcpguard approvals`)"),
            Some(a) => bail!("approval {id} is already {}", a.status.as_str()),
        }
    }
    println!("{} {id}", status.as_str());
    Ok(Exit::Ok)
}

pub fn approve(args: ApproveArgs) -> anyhow::Result<Exit> {
    let remember = if args.session {
        Remember::Session
    } else {
        Remember::Once
    };
    decide(&args.data, args.id, ApprovalStatus::Approved, remember)
}

pub fn deny(args: DenyArgs) -> anyhow::Result<Exit> {
    decide(&args.data, args.id, ApprovalStatus::Denied, Remember::Once)
}

pub fn list(args: ListArgs) -> anyhow::Result<Exit> {
    let approvals = args.data.open()?.approvals(!args.all)?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "approvals": approvals }))?
        );
        return Ok(Exit::Ok);
    }
    if approvals.is_empty() {
        println!(
            "{}",
            if args.all {
                "no held calls recorded"
            } else {
                "nothing waits for approval"
            }
        );
    }
    for a in approvals {
        println!(
            "{:>5}  {:<8}  {}  `{}`  {}  args {}",
            a.id,
            a.status.as_str(),
            a.server,
            a.tool,
            a.reason,
            a.arguments
        );
    }
    Ok(Exit::Ok)
}
