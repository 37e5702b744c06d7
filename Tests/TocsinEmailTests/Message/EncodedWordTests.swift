import Testing

@testable import TocsinEmail

@Suite("RFC 2047 encoded words")
struct EncodedWordTests {
    @Test("a short text is one base64 word")
    func shortText() {
        #expect(EncodedWord.encode("Café") == ["=?UTF-8?B?Q2Fmw6k=?="])
    }

    @Test("long text splits into words of at most 75 characters that never cut a character")
    func longTextSplitsOnCharacters() throws {
        let text = String(repeating: "Überlast ⚠️ on 東京-1 👩‍👩‍👧‍👦 ", count: 12)
        let words = EncodedWord.encode(text)
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.utf8.count <= 75 })
        for word in words {
            // Each word must decode to valid UTF-8 on its own.
            #expect(MessageInspection.decodeEncodedWords(word) != nil)
        }
        #expect(MessageInspection.decodeEncodedWords(words.joined(separator: "\r\n ")) == text)
    }

    @Test("a character larger than one word is split between its scalars")
    func oversizedCharacter() {
        let character = "e" + String(repeating: "\u{301}", count: 30)  // 61 bytes in one grapheme
        let words = EncodedWord.encode(character)
        #expect(words.count == 2)
        #expect(MessageInspection.decodeEncodedWords(words.joined(separator: " ")) == character)
    }

    @Test("empty text is one empty word")
    func emptyText() {
        #expect(EncodedWord.encode("") == ["=?UTF-8?B??="])
    }
}
