import TocsinCore

/// The users and addresses that appear in authentication logs. Addresses come from the
/// documentation ranges (RFC 5737), so no real network is ever named: users log in
/// from 192.0.2.0/24 and 198.51.100.0/24, attackers come from 203.0.113.0/24.
enum Identities {
    /// How many regular users there are.
    static let userCount = 416

    private static let givenNames = [
        "maria", "james", "aiko", "lucas", "fatima", "noah", "elena", "omar", "sofia", "liam", "priya", "mateo",
        "hana", "ivan", "chloe", "kwame", "lena", "diego", "yara", "felix", "mei", "arjun", "nora", "samuel",
        "zoe", "tariq", "ingrid", "pablo", "amara", "jonas", "leila", "victor",
    ]
    private static let familyNames = [
        "schmidt", "garcia", "tanaka", "okafor", "novak", "silva", "kowalski", "haddad", "jensen", "moreau",
        "rossi", "khan", "larsen",
    ]

    /// Names attackers try besides real users'.
    static let guessedNames = ["admin", "root", "test", "support", "oracle", "guest"]

    /// Regular user `number` (0..<userCount).
    static func user(_ number: Int) -> String {
        "\(givenNames[number % givenNames.count]).\(familyNames[(number / givenNames.count) % familyNames.count])"
    }

    /// A random regular user with the address they log in from.
    static func randomUser(_ random: inout SeededGenerator) -> (user: String, address: String) {
        let number = random.nextInt(in: 0...(userCount - 1))
        let network = number % 2 == 0 ? "198.51.100" : "192.0.2"
        return (user(number), "\(network).\(1 + (number * 37) % 254)")
    }

    /// A random attacker address.
    static func attackerAddress(_ random: inout SeededGenerator) -> String {
        "203.0.113.\(random.nextInt(in: 1...254))"
    }

    /// A name an attacker tries: a guessed one or a real user's.
    static func attemptedUser(_ random: inout SeededGenerator) -> String {
        random.nextUnit() < 0.3 ? random.pick(guessedNames) : randomUser(&random).user
    }
}
