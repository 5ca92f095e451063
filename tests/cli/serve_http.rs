//! The server of `taizhang serve` run as a clerk runs it, and a tiny HTTP
//! client over std::net that talks to it on 127.0.0.1 only.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};

use crate::env::Env;

/// A running `taizhang serve`; stopped when dropped.
pub struct Server {
    child: Child,
    /// The port it listens on.
    pub port: u16,
    /// The access code in the link it printed, if any.
    pub token: Option<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        (self.headers.iter())
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Starts `taizhang serve ARGS` in `env`'s register on a port the system
/// picks, and waits for the line saying where it listens.
pub fn start(env: &Env, args: &[&str]) -> Server {
    start_with(env, args, &[])
}

pub fn start_with(env: &Env, args: &[&str], vars: &[(&str, &str)]) -> Server {
    let mut cmd = env.std_cmd();
    cmd.arg("serve")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let child = cmd.spawn().unwrap();
    // Held before anything can fail, so that a failing test stops it.
    let mut server = Server {
        child,
        port: 0,
        token: None,
    };
    let mut line = String::new();
    let stderr = server.child.stderr.take().unwrap();
    BufReader::new(stderr).read_line(&mut line).unwrap();
    let at = line
        .find("http://")
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let url: String = line[at..]
        .chars()
        .take_while(|c| c.is_ascii_graphic())
        .collect();
    let rest = url.trim_start_matches("http://");
    server.port = rest[rest.find(':').unwrap() + 1..rest.find('/').unwrap()]
        .parse()
        .unwrap();
    server.token = rest.split("?token=").nth(1).map(str::to_string);
    server
}

impl Server {
    pub fn get(&self, path: &str) -> Answer {
        self.request("GET", path, &[])
    }

    /// A request with extra header lines (`Cookie: …`).
    pub fn request(&self, method: &str, path: &str, headers: &[&str]) -> Answer {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let mut text =
            format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for h in headers {
            text.push_str(h);
            text.push_str("\r\n");
        }
        if method == "POST" || method == "PUT" {
            text.push_str("Content-Length: 0\r\n");
        }
        text.push_str("\r\n");
        stream.write_all(text.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        parse(&raw)
    }
}

/// A whole HTTP/1.1 answer: its head, and its body (plain or chunked).
fn parse(raw: &[u8]) -> Answer {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = unchunk(&body);
    }
    Answer {
        status,
        headers,
        body: String::from_utf8(body).unwrap(),
    }
}

fn unchunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = raw.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&raw[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&raw[end + 2..end + 2 + size]);
        raw = &raw[end + 4 + size..];
    }
}
