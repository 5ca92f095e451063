//! Every string a record holds, with where it stands, found by serializing
//! the record through a serializer that builds nothing.
//!
//! `check` holds each of 100,000 records to the text rule (`text.rs`);
//! turning each into a YAML value first, to walk it, cost about a second of
//! allocations. This visits the same strings in the same places as the
//! record's YAML has them: struct fields and map keys by name, list items
//! by position, enum variants transparent (as YAML tags are).

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;
use serde::ser::{self, Impossible};

/// One step of the way from a record's top to a string in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A struct field (named without allocating) or a map key.
    Key(Cow<'static, str>),
    /// A list item, counted from 0.
    Index(usize),
}

impl Step {
    pub fn key(&self) -> Option<&str> {
        match self {
            Step::Key(key) => Some(key),
            Step::Index(_) => None,
        }
    }
}

/// The way to a string as a finding names it: `history[8].by`.
pub fn path(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(key) if out.is_empty() => out.push_str(key),
            Step::Key(key) => {
                out.push('.');
                out.push_str(key);
            }
            Step::Index(i) => out.push_str(&format!("[{}]", i + 1)),
        }
    }
    out
}

/// Calls `visit` with the way to each string `value` holds, and the
/// string. Map keys that are not strings are passed over with what they
/// hold, as the YAML walk did.
pub fn each_string<T: Serialize + ?Sized>(value: &T, visit: &mut dyn FnMut(&[Step], &str)) {
    let mut walker = Walker {
        steps: Vec::new(),
        visit,
    };
    // A serializer that cannot fail but for a map key it cannot name.
    let _ = value.serialize(&mut walker);
}

struct Walker<'v> {
    steps: Vec<Step>,
    visit: &'v mut dyn FnMut(&[Step], &str),
}

impl Walker<'_> {
    fn under<T: Serialize + ?Sized>(&mut self, step: Step, value: &T) -> Result<(), Stop> {
        self.steps.push(step);
        let done = value.serialize(&mut *self);
        self.steps.pop();
        done
    }
}

/// The walker's error: only a serializer's own `custom` makes one.
#[derive(Debug)]
pub struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("stopped")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

/// Scalars other than strings hold no text.
macro_rules! nothing {
    ($($method:ident: $type:ty),*) => {
        $(fn $method(self, _: $type) -> Result<(), Stop> { Ok(()) })*
    };
}

impl<'a, 'v> ser::Serializer for &'a mut Walker<'v> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Items<'a, 'v>;
    type SerializeTuple = Items<'a, 'v>;
    type SerializeTupleStruct = Items<'a, 'v>;
    type SerializeTupleVariant = Items<'a, 'v>;
    type SerializeMap = Entries<'a, 'v>;
    type SerializeStruct = Entries<'a, 'v>;
    type SerializeStructVariant = Entries<'a, 'v>;

    nothing!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64,
        serialize_bytes: &[u8], serialize_unit_struct: &'static str);

    fn serialize_str(self, text: &str) -> Result<(), Stop> {
        (self.visit)(&self.steps, text);
        Ok(())
    }
    fn serialize_char(self, c: char) -> Result<(), Stop> {
        self.serialize_str(c.encode_utf8(&mut [0; 4]))
    }
    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }
    // A keyword, which YAML writes as a string.
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Stop> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Items<'a, 'v>, Stop> {
        Ok(Items {
            walker: self,
            next: 0,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Items<'a, 'v>, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Items<'a, 'v>, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Items<'a, 'v>, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Entries<'a, 'v>, Stop> {
        Ok(Entries {
            walker: self,
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Entries<'a, 'v>, Stop> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Entries<'a, 'v>, Stop> {
        self.serialize_map(Some(len))
    }
}

/// The items of a list, each at its position.
pub struct Items<'a, 'v> {
    walker: &'a mut Walker<'v>,
    next: usize,
}

impl Items<'_, '_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let at = self.next;
        self.next += 1;
        self.walker.under(Step::Index(at), value)
    }
}

/// The four list-like shapes serde has, each an item at its position.
macro_rules! items {
    ($($shape:ident :: $method:ident),*) => {$(
        impl ser::$shape for Items<'_, '_> {
            type Ok = ();
            type Error = Stop;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
                self.item(value)
            }
            fn end(self) -> Result<(), Stop> {
                Ok(())
            }
        }
    )*};
}

items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The entries of a map or the fields of a struct, each under its name;
/// an entry whose key is not text is passed over.
pub struct Entries<'a, 'v> {
    walker: &'a mut Walker<'v>,
    key: Option<String>,
}

impl Entries<'_, '_> {
    fn entry<T: Serialize + ?Sized>(
        &mut self,
        key: Cow<'static, str>,
        value: &T,
    ) -> Result<(), Stop> {
        self.walker.under(Step::Key(key), value)
    }
}

impl ser::SerializeMap for Entries<'_, '_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Stop> {
        self.key = key.serialize(KeyText).unwrap_or(None);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        match self.key.take() {
            Some(key) => self.entry(Cow::Owned(key), value),
            None => Ok(()),
        }
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

/// A struct's fields and a struct variant's, each under its name.
macro_rules! fields {
    ($($shape:ident),*) => {$(
        impl ser::$shape for Entries<'_, '_> {
            type Ok = ();
            type Error = Stop;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Stop> {
                self.entry(Cow::Borrowed(key), value)
            }
            fn end(self) -> Result<(), Stop> {
                Ok(())
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

/// A map key as text, when it is text.
struct KeyText;

/// Keys that are not text name nothing the rule checks.
macro_rules! no_key {
    ($($method:ident: $type:ty),*) => {
        $(fn $method(self, _: $type) -> Result<Option<String>, Stop> { Ok(None) })*
    };
}

impl ser::Serializer for KeyText {
    type Ok = Option<String>;
    type Error = Stop;
    type SerializeSeq = Impossible<Option<String>, Stop>;
    type SerializeTuple = Impossible<Option<String>, Stop>;
    type SerializeTupleStruct = Impossible<Option<String>, Stop>;
    type SerializeTupleVariant = Impossible<Option<String>, Stop>;
    type SerializeMap = Impossible<Option<String>, Stop>;
    type SerializeStruct = Impossible<Option<String>, Stop>;
    type SerializeStructVariant = Impossible<Option<String>, Stop>;

    no_key!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_char: char,
        serialize_bytes: &[u8], serialize_unit_struct: &'static str);

    fn serialize_str(self, text: &str) -> Result<Option<String>, Stop> {
        Ok(Some(text.to_string()))
    }
    fn serialize_none(self) -> Result<Option<String>, Stop> {
        Ok(None)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Option<String>, Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Option<String>, Stop> {
        Ok(None)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Option<String>, Stop> {
        Ok(Some(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Option<String>, Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Option<String>, Stop> {
        Ok(None)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Stop> {
        Err(Stop)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Stop> {
        Err(Stop)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Stop> {
        Err(Stop)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Stop> {
        Err(Stop)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Stop> {
        Err(Stop)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Stop> {
        Err(Stop)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Stop> {
        Err(Stop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::{Record, each};

    /// The walk finds the strings, and their places, that the record's
    /// YAML holds: every string of the YAML value, none more.
    #[test]
    fn the_strings_are_those_of_the_yaml_value() {
        for record in crate::testing::example_records() {
            let mut walked = Vec::new();
            let mut visit =
                |steps: &[Step], text: &str| walked.push((path(steps), text.to_string()));
            each!(&record, r => each_string(r, &mut visit));
            let mut from_yaml = Vec::new();
            yaml_strings(&record.to_value().unwrap(), String::new(), &mut from_yaml);
            walked.sort();
            from_yaml.sort();
            assert_eq!(walked, from_yaml, "{}", record.id());
        }
    }

    /// The strings of a YAML value, by the same paths.
    fn yaml_strings(value: &serde_yaml::Value, at: String, out: &mut Vec<(String, String)>) {
        use serde_yaml::Value;
        match value {
            Value::String(text) => out.push((at, text.clone())),
            Value::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    yaml_strings(item, format!("{at}[{}]", i + 1), out);
                }
            }
            Value::Mapping(map) => {
                for (key, item) in map {
                    let Some(key) = key.as_str() else { continue };
                    let at = if at.is_empty() {
                        key.to_string()
                    } else {
                        format!("{at}.{key}")
                    };
                    yaml_strings(item, at, out);
                }
            }
            Value::Tagged(tagged) => yaml_strings(&tagged.value, at, out),
            _ => {}
        }
    }
}
