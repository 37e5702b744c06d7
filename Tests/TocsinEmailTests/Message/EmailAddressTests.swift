import Testing

@testable import TocsinEmail

@Suite("E-mail address and header field validation")
struct EmailAddressTests {
    @Test(
        "plain addresses and address literals are accepted",
        arguments: ["ops@example.com", "first.last+tag@mail.example.co.uk", "x@[192.0.2.1]", "x@[IPv6:2001:db8::1]", "a!#$%&'*/=?^_`{|}~-@h"])
    func acceptsAddresses(_ address: String) throws {
        #expect(try EmailAddress(address).address == address)
    }

    @Test(
        "anything that could break a command or header is refused",
        arguments: [
            "", "no-at-sign", "@example.com", "a@", "a b@example.com", "a@exa mple.com", "a@b>\r\nRCPT TO:<evil@example.com",
            "x\r\n@example.com", "<a@example.com>", "a..b@example.com", ".a@example.com", "a@example..com", "zoë@example.com",
            "a@ex_ample.com", "\"quoted\"@example.com", String(repeating: "a", count: 65) + "@example.com",
        ])
    func refusesAddresses(_ address: String) {
        #expect(throws: EmailAddressError.self) { try EmailAddress(address) }
    }

    @Test("the domain is the part after the last @ and the description shows the display name")
    func domainAndDescription() throws {
        let address = try EmailAddress("ops@alerts.example.com", displayName: "Tocsin")
        #expect(address.domain == "alerts.example.com")
        #expect(address.description == "Tocsin <ops@alerts.example.com>")
    }

    @Test("header fields refuse line breaks, non-ASCII values, reserved and malformed names")
    func headerFieldValidation() throws {
        #expect(try EmailHeaderField(name: "X-Tocsin-Alert", value: "cpu-high web-1").value == "cpu-high web-1")
        #expect(throws: EmailHeaderFieldError.self) { try EmailHeaderField(name: "X-A", value: "x\r\nBcc: evil@example.com") }
        #expect(throws: EmailHeaderFieldError.self) { try EmailHeaderField(name: "X-A", value: "x\nBcc: evil@example.com") }
        #expect(throws: EmailHeaderFieldError.self) { try EmailHeaderField(name: "X-A", value: "Grüße") }
        #expect(throws: EmailHeaderFieldError.self) { try EmailHeaderField(name: "bcc", value: "evil@example.com") }
        #expect(throws: EmailHeaderFieldError.self) { try EmailHeaderField(name: "X:A", value: "v") }
        #expect(throws: EmailHeaderFieldError.self) { try EmailHeaderField(name: "X A", value: "v") }
        #expect(throws: EmailHeaderFieldError.self) { try EmailHeaderField(name: "", value: "v") }
        #expect(throws: EmailHeaderFieldError.self) {
            try EmailHeaderField(name: "X-A", value: String(repeating: "v", count: EmailHeaderField.maximumValueLength + 1))
        }
    }
}
