//! `offers`: turns what ministries already write into a validated bundle.
//!
//! Exit codes: 0 all good (warnings allowed), 1 validation errors, 2 usage or I/O errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod document;
mod report;

use report::Outcome;

#[derive(Parser)]
#[command(
    name = "offers",
    version,
    about = "Construit, importe et valide les lots d'offres d'emploi (offers.json)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks a bundle: format version and shape, then meaning (duplicates, unsafe links, dates…).
    Validate {
        /// The bundle (offers.json).
        bundle: PathBuf,
        /// The day "past" closing dates are measured against (YYYY-MM-DD; default: today).
        #[arg(long)]
        today: Option<String>,
    },
    /// Prints the JSON Schema of the bundle format.
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate { bundle, today } => {
            report::today(today.as_deref()).and_then(|today| report::validate_file(&bundle, today))
        }
        Command::Schema => {
            print!("{}", offers_core::schema::bundle_schema_json());
            Ok(Outcome::Ok)
        }
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Invalid) => ExitCode::from(1),
        Err(err) => {
            eprintln!("offers : {err}");
            ExitCode::from(2)
        }
    }
}
