//! 文号: the one way a document number (来文字号, 发文字号) is written and
//! compared.
//!
//! The register writes a number as GB/T 9704 does, `市交发〔2026〕12号`:
//! the year in 六角括号, no leading zeros, no spaces. Clerks type it every
//! other way: `市交发[2026]12号`, `市交发（2026）012号`, `市交发〔２０２６〕
//! 12 号`, `市交发〔2026年〕12号`. `normalize` turns each of those into the
//! register's form, so that a number typed any way is stored, searched,
//! checked for duplicates and renumbered as the same number.

/// Brackets spreadsheets and keyboards put around the year of a number.
const OPENING: &[char] = &['[', '［', '(', '（', '【', '〔', '〖', '{', '｛'];
const CLOSING: &[char] = &[']', '］', ')', '）', '】', '〕', '〗', '}', '｝'];

/// The register's form of a document number: full-width digits and
/// letters made plain, spaces dropped, the year (four digits, `年`
/// allowed after them) in any bracket written `〔2026〕`, and leading
/// zeros of the number after it dropped. Text that is no number at all
/// (`函`, `无`) only loses its spaces and full-width forms.
pub fn normalize(text: &str) -> String {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(half_width)
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        match year_at(&chars, i) {
            Some((year, next)) => {
                out.push('〔');
                out.push_str(&year);
                out.push('〕');
                i = skip_leading_zeros(&chars, next);
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// Whether two numbers are the same number, however each was typed.
pub fn same(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

/// A number read into its parts: issuer code, year and sequence
/// (`市交发〔2026〕12号` → `市交发`, 2026, 12); `None` if it is not one.
pub fn parse(text: &str) -> Option<(String, i16, u32)> {
    let normal = normalize(text);
    let (issuer, rest) = normal.split_once('〔')?;
    let (year, rest) = rest.split_once('〕')?;
    let seq = rest.strip_suffix('号')?;
    Some((issuer.to_string(), year.parse().ok()?, seq.parse().ok()?))
}

/// A full-width ASCII character (`２`, `Ａ`) as its plain form.
fn half_width(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// The year bracketed at `i` (`[2026]`, `（2026年）`) and the index after
/// its closing bracket.
fn year_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    if !OPENING.contains(chars.get(i)?) {
        return None;
    }
    let digits = chars.get(i + 1..i + 5)?;
    if !digits.iter().all(char::is_ascii_digit) {
        return None;
    }
    let mut close = i + 5;
    if chars.get(close) == Some(&'年') {
        close += 1;
    }
    CLOSING
        .contains(chars.get(close)?)
        .then(|| (digits.iter().collect(), close + 1))
}

/// The index of the first digit of the sequence number starting at `i`
/// that is not a leading zero (the last zero of `〔2026〕0号` stays).
fn skip_leading_zeros(chars: &[char], mut i: usize) -> usize {
    while chars.get(i) == Some(&'0') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_of_typing_a_number_is_one_number() {
        for typed in [
            "市交发〔2026〕1号",
            "市交发[2026]1号",
            "市交发［2026］1号",
            "市交发(2026)1号",
            "市交发（2026）01号",
            "市交发【2026】001号",
            "市交发〔２０２６〕１号",
            "市交发〔2026年〕1号",
            "市交发〔2026〕 1 号",
            " 市交发 〔2026〕1号 ",
        ] {
            assert_eq!(normalize(typed), "市交发〔2026〕1号", "{typed}");
        }
        assert!(same("省应急发[2026]11号", "省应急发〔2026〕11号"));
        assert!(!same("市交发〔2026〕1号", "市交发〔2026〕10号"));
    }

    #[test]
    fn what_is_no_number_keeps_its_text() {
        assert_eq!(normalize("函(12)"), "函(12)");
        assert_eq!(normalize("无"), "无");
        assert_eq!(normalize("〔2026〕0号"), "〔2026〕0号");
        assert_eq!(normalize("市交发〔2026〕"), "市交发〔2026〕");
        assert_eq!(normalize("[2026"), "[2026");
    }

    #[test]
    fn parts_of_a_number() {
        assert_eq!(
            parse("市交发[2026]012号"),
            Some(("市交发".to_string(), 2026, 12))
        );
        assert_eq!(parse("〔2026〕3号"), Some((String::new(), 2026, 3)));
        assert_eq!(parse("市交发2026年12号"), None);
    }
}
