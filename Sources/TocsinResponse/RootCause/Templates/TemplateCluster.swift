/// One log group of the miner: a template's tokens, where it sits in the parse tree and
/// when it last absorbed a message.
struct TemplateCluster: Sendable, Hashable {
    /// The template tokens, `<*>` at variable positions.
    private(set) var tokens: [String]
    /// The keys leading from the token-count node to the cluster's leaf.
    let route: [String]
    /// The public view: id, text and count.
    private(set) var template: LogTemplate
    /// The miner's clock when the cluster last absorbed a message.
    private(set) var lastSeen: UInt64

    /// Creates a cluster from its first message.
    init(tokens: [String], route: [String], seen: UInt64) {
        self.tokens = tokens
        self.route = route
        self.template = LogTemplate(text: tokens.joined(separator: " "), count: 1)
        self.lastSeen = seen
    }

    /// Drain's sequence similarity to a message with as many tokens: the share of positions
    /// where the template repeats the message's token (a masked `<*>` matching a `<*>`),
    /// and the number of template wildcards that would absorb a literal (the tie-breaker).
    func similarity(to message: [String]) -> (similarity: Double, wildcards: Int) {
        var equal = 0
        var wildcards = 0
        for (token, candidate) in zip(tokens, message) {
            if token == candidate {
                equal += 1
            } else if token == LogTemplate.wildcard {
                wildcards += 1
            }
        }
        return (tokens.isEmpty ? 1 : Double(equal) / Double(tokens.count), wildcards)
    }

    /// The number of literal tokens the template shares with the message when every other
    /// template token is `<*>` (the message is an instance of the template), or `nil`.
    func literalMatches(_ message: [String]) -> Int? {
        var literals = 0
        for (token, candidate) in zip(tokens, message) {
            if token == LogTemplate.wildcard { continue }
            guard token == candidate else { return nil }
            literals += 1
        }
        return literals
    }

    /// Folds a message into the template: positions that differ become `<*>`.
    mutating func absorb(_ message: [String], seen: UInt64) {
        var changed = false
        for index in tokens.indices where tokens[index] != message[index] && tokens[index] != LogTemplate.wildcard {
            tokens[index] = LogTemplate.wildcard
            changed = true
        }
        if changed {
            template = LogTemplate(text: tokens.joined(separator: " "), count: template.count)
        }
        template.count += 1
        lastSeen = seen
    }
}
