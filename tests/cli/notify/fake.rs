//! Stand-ins for the platforms on 127.0.0.1: an HTTP server that answers
//! as a robot would (each answer scripted) and an SMTP sink speaking
//! enough of RFC 5321 for lettre. Each records what it was sent, and
//! stops with the test.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request a fake robot received.
#[derive(Debug, Clone)]
pub struct Request {
    /// The path and query, `/send?key=k`.
    pub target: String,
    pub body: String,
    pub at: Instant,
}

impl Request {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap()
    }

    /// The value of `name` in the query.
    pub fn query(&self, name: &str) -> Option<String> {
        let query = self.target.split_once('?')?.1;
        query
            .split('&')
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
}

/// How the fake answers one request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// 200 with this body.
    Ok(&'static str),
    /// This status, with a body.
    Status(u16),
    /// 200 after this long (past a client's timeout).
    Slow(Duration),
}

/// A robot on 127.0.0.1: answers with `script` in turn, then with its
/// last answer.
pub struct Robot {
    pub url: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl Robot {
    pub fn start(script: Vec<Reply>) -> Robot {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        std::thread::spawn(move || {
            for (n, stream) in listener.incoming().enumerate() {
                let Ok(stream) = stream else { return };
                let reply = script
                    .get(n)
                    .or(script.last())
                    .cloned()
                    .unwrap_or(Reply::Ok("{}"));
                if let Some(request) = answer(stream, reply) {
                    seen.lock().unwrap().push(request);
                }
            }
        });
        Robot { url, requests }
    }

    /// The requests so far.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

/// Reads one request from `stream` and answers it with `reply`.
fn answer(stream: TcpStream, reply: Reply) -> Option<Request> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let target = line.split_whitespace().nth(1)?.to_string();
    let mut length = 0;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let request = Request {
        target,
        body: String::from_utf8(body).ok()?,
        at: Instant::now(),
    };
    let (status, text) = match reply {
        Reply::Ok(text) => (200, text.to_string()),
        Reply::Status(status) => (status, "{\"error\":\"server\"}".to_string()),
        Reply::Slow(wait) => {
            std::thread::sleep(wait);
            (200, "{\"errcode\":0}".to_string())
        }
    };
    let mut stream = stream;
    let _ = write!(
        stream,
        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
        text.len()
    );
    Some(request)
}

/// One message the SMTP sink received.
#[derive(Debug, Clone)]
pub struct Mail {
    pub from: String,
    pub rcpt: Vec<String>,
    pub data: String,
}

impl Mail {
    /// A header's raw value (folded lines joined).
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next()?;
        let unfolded = head.replace("\r\n ", " ");
        unfolded.lines().find_map(|l| {
            let (n, v) = l.split_once(": ")?;
            n.eq_ignore_ascii_case(name).then(|| v.to_string())
        })
    }
}

/// An SMTP server on 127.0.0.1 that accepts every message.
pub struct SmtpSink {
    pub url: String,
    mails: Arc<Mutex<Vec<Mail>>>,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("smtp://{}", listener.local_addr().unwrap());
        let mails = Arc::new(Mutex::new(Vec::new()));
        let got = Arc::clone(&mails);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                let got = Arc::clone(&got);
                std::thread::spawn(move || session(stream, &got));
            }
        });
        SmtpSink { url, mails }
    }

    pub fn mails(&self) -> Vec<Mail> {
        self.mails.lock().unwrap().clone()
    }
}

/// One SMTP conversation: EHLO, MAIL, RCPT, DATA, QUIT.
fn session(stream: TcpStream, mails: &Mutex<Vec<Mail>>) -> Option<()> {
    let mut out = stream.try_clone().ok()?;
    let mut reader = BufReader::new(stream);
    out.write_all(b"220 sink ESMTP\r\n").ok()?;
    let mut mail = Mail {
        from: String::new(),
        rcpt: Vec::new(),
        data: String::new(),
    };
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return Some(());
        }
        let upper = line.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            b"250-sink\r\n250 8BITMIME\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            mail.from = line[10..].trim().to_string();
            b"250 ok\r\n"
        } else if upper.starts_with("RCPT TO:") {
            mail.rcpt.push(line[8..].trim().to_string());
            b"250 ok\r\n"
        } else if upper.starts_with("DATA") {
            out.write_all(b"354 go on\r\n").ok()?;
            let mut data = String::new();
            loop {
                let mut part = String::new();
                if reader.read_line(&mut part).ok()? == 0 {
                    return Some(());
                }
                if part == ".\r\n" {
                    break;
                }
                data.push_str(&part);
            }
            mail.data = data;
            mails.lock().unwrap().push(mail.clone());
            mail.rcpt.clear();
            b"250 queued\r\n"
        } else if upper.starts_with("QUIT") {
            out.write_all(b"221 bye\r\n").ok()?;
            return Some(());
        } else {
            b"250 ok\r\n"
        };
        out.write_all(reply).ok()?;
    }
}
