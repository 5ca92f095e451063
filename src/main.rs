//! The `taizhang` binary: parse, run, turn the outcome into an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    taizhang::main()
}
