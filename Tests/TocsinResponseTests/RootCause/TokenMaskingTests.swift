import Testing
@testable import TocsinResponse

@Suite("Token masking")
struct TokenMaskingTests {
    let tokenizer = MessageTokenizer(maxTokens: 64)

    @Test("IPv4 addresses (with port, in brackets), IPv6 addresses and clock times become <*>")
    func addresses() {
        #expect(tokenizer.tokens(of: "connect to 10.0.0.1:5432 from (192.168.1.20) via fe80::1 at 12:30:45")
            == ["connect", "to", "<*>", "from", "(<*>)", "via", "<*>", "at", "<*>"])
        #expect(tokenizer.tokens(of: "route 10.2.0.0/16 bad 300.1.1.1") == ["route", "<*>", "bad", "<*>.<*>.<*>.<*>"])
    }

    @Test("UUIDs, hexadecimal ids and e-mail addresses become <*>")
    func identifiers() {
        #expect(tokenizer.tokens(of: "request 123e4567-e89b-12d3-a456-426614174000 done") == ["request", "<*>", "done"])
        #expect(tokenizer.tokens(of: "at 0xDEADBEEF commit 9f8a7b6c1d, deadbeef") == ["at", "<*>", "commit", "<*>,", "deadbeef"])
        #expect(tokenizer.tokens(of: "mail alice.smith+x@example.co.uk bounced") == ["mail", "<*>", "bounced"])
        #expect(tokenizer.tokens(of: "host i-0abc1234ef up") == ["host", "i-<*>", "up"])
    }

    @Test("numbers become <*> and keep a short unit; digits inside words stay")
    func numbers() {
        #expect(tokenizer.tokens(of: "took 350ms, retried 3 times, ratio 0.75 delta -12 size 1.5e3 load 93%")
            == ["took", "<*>ms,", "retried", "<*>", "times,", "ratio", "<*>", "delta", "<*>", "size", "<*>", "load", "<*>%"])
        #expect(tokenizer.tokens(of: "pool db-7 on http2 v1.2.3") == ["pool", "db-<*>", "on", "http2", "v1.<*>.<*>"])
    }

    @Test("paths mask only their segments with digits")
    func paths() {
        #expect(tokenizer.tokens(of: "GET /api/users/42/orders /health") == ["GET", "/api/users/<*>/orders", "/health"])
        #expect(tokenizer.tokens(of: "open /var/log/app-3.log") == ["open", "/var/log/<*>"])
    }

    @Test("quoted strings span spaces and key=value keeps the key")
    func quotedAndKeyValue() {
        #expect(tokenizer.tokens(of: "search 'john smith' returned \"a b c\", done") == ["search", "'<*>'", "returned", "\"<*>\",", "done"])
        #expect(tokenizer.tokens(of: "user=alice msg=\"hello world\" empty= can't stop") == ["user=<*>", "msg=<*>", "empty=", "can't", "stop"])
    }

    @Test("plain words are kept and long messages end in one <*>")
    func wordsAndLength() {
        #expect(tokenizer.tokens(of: "  connection\tpool exhausted\n") == ["connection", "pool", "exhausted"])
        #expect(MessageTokenizer(maxTokens: 3).tokens(of: "a b c d e") == ["a", "b", "<*>"])
        #expect(MessageTokenizer(maxTokens: 3).tokens(of: "a b c") == ["a", "b", "c"])
        #expect(tokenizer.tokens(of: "") == [])
    }
}
