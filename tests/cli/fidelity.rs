//! Hand-edit fidelity.
