/// An online log-template miner after Drain (He, Zhu, Zheng and Lyu, "Drain: An Online Log
/// Parsing Approach with Fixed Depth Tree", ICWS 2017).
///
/// Each message is tokenized and masked (``MessageTokenizer``), routed through a parse tree
/// by its token count and its first ``TemplateMinerConfiguration/prefixTokens`` tokens
/// (tokens with digits, and tokens beyond a node's ``TemplateMinerConfiguration/maxChildren``,
/// share a `<*>` branch), and compared with the templates of the leaf it reaches. It joins the
/// most similar template when at least ``TemplateMinerConfiguration/similarityThreshold`` of
/// the positions agree (ties go to the template with more wildcards, then to the oldest),
/// turning the positions that differ into `<*>`; otherwise it starts a template of its own.
///
/// The miner is a value type and deterministic: the same messages in the same order give
/// the same templates. Memory is bounded: at most ``TemplateMinerConfiguration/maxTemplates``
/// templates (the least recently seen tenth is forgotten when the cap is passed, and the tree
/// nodes left empty are pruned), at most `maxChildren` children per node and at most
/// ``TemplateMinerConfiguration/maxTokens`` tokens per message.
public struct TemplateMiner: Sendable {
    /// The hyperparameters.
    public let configuration: TemplateMinerConfiguration
    private let tokenizer: MessageTokenizer
    private var roots: [Int: ParseTreeNode] = [:]
    private var clusters: [Int: TemplateCluster] = [:]
    private var nextClusterID = 0
    private var clock: UInt64 = 0

    /// Creates an empty miner.
    public init(configuration: TemplateMinerConfiguration = TemplateMinerConfiguration()) throws(RootCauseError) {
        try configuration.validate()
        self.configuration = configuration
        tokenizer = MessageTokenizer(maxTokens: configuration.maxTokens)
    }

    /// The templates, most frequent first (ties by text). Clusters that ended with the same
    /// text are reported once, with their counts added.
    public var templates: [LogTemplate] {
        var byID: [String: LogTemplate] = [:]
        for cluster in clusters.values {
            byID[cluster.template.id, default: LogTemplate(text: cluster.template.text, count: 0)].count +=
                cluster.template.count
        }
        return byID.values.sorted { ($1.count, $0.text) < ($0.count, $1.text) }
    }

    /// The number of templates held (at most ``TemplateMinerConfiguration/maxTemplates``).
    public var templateCount: Int { clusters.count }

    /// The masked tokens of a message, as the miner sees it.
    func tokens(of message: String) -> [String] {
        tokenizer.tokens(of: message)
    }

    /// The number of parse-tree nodes below the token-count layer, token-count nodes included.
    var nodeCount: Int {
        roots.values.reduce(0) { $0 + $1.nodeCount }
    }

    /// Folds a message into the templates and returns the template it now belongs to.
    @discardableResult
    public mutating func learn(_ message: String) -> LogTemplate {
        learn(tokens: tokenizer.tokens(of: message))
    }

    /// ``learn(_:)`` for already tokenized messages.
    @discardableResult
    mutating func learn(tokens: [String]) -> LogTemplate {
        clock += 1
        let (route, leaf) = route(of: tokens, learning: true)
        if let best = mostSimilarCluster(to: tokens, among: leaf?.clusterIDs ?? []) {
            clusters[best]!.absorb(tokens, seen: clock)
            return clusters[best]!.template
        }
        let id = nextClusterID
        nextClusterID += 1
        let cluster = TemplateCluster(tokens: tokens, route: route, seen: clock)
        clusters[id] = cluster
        roots[tokens.count, default: ParseTreeNode()].insert(id, along: route[...])
        if clusters.count > configuration.maxTemplates {
            evictLeastRecentlySeen()
        }
        return cluster.template
    }

    /// The template a message is an instance of (every literal token equal, `<*>` anywhere),
    /// without learning it: the most specific one if several fit, `nil` if none does.
    public func match(_ message: String) -> LogTemplate? {
        match(tokens: tokenizer.tokens(of: message))
    }

    /// ``match(_:)`` for already tokenized messages.
    func match(tokens: [String]) -> LogTemplate? {
        let (_, leaf) = route(of: tokens, learning: false)
        var best: (id: Int, literals: Int)?
        for id in leaf?.clusterIDs ?? [] {
            guard let literals = clusters[id]!.literalMatches(tokens) else { continue }
            if best == nil || literals > best!.literals { best = (id, literals) }
        }
        return best.map { clusters[$0.id]!.template }
    }

    /// The routing keys of a message and the leaf they reach, if it exists. While learning, an
    /// unseen digit-free token gets a branch of its own as long as the node has room for it
    /// besides the `<*>` branch; when matching, unseen tokens follow the `<*>` branch.
    private func route(of tokens: [String], learning: Bool) -> (route: [String], leaf: ParseTreeNode?) {
        var node = roots[tokens.count]
        var route: [String] = []
        route.reserveCapacity(configuration.prefixTokens)
        for token in tokens.prefix(configuration.prefixTokens) {
            let key: String
            if node?.children[token] != nil {
                key = token
            } else if learning, !token.utf8.contains(where: TokenShape.isDigit),
                      (node?.children.count ?? 0) < configuration.maxChildren - 1 {
                key = token
            } else {
                key = LogTemplate.wildcard
            }
            route.append(key)
            node = node?.children[key]
        }
        return (route, node)
    }

    /// The cluster a message joins: the most similar at or above the threshold, ties going to
    /// more wildcards and then to the oldest.
    private func mostSimilarCluster(to tokens: [String], among ids: [Int]) -> Int? {
        var best: (id: Int, similarity: Double, wildcards: Int)?
        for id in ids {
            let (similarity, wildcards) = clusters[id]!.similarity(to: tokens)
            guard similarity >= configuration.similarityThreshold else { continue }
            if let current = best, (similarity, wildcards) <= (current.similarity, current.wildcards) { continue }
            best = (id, similarity, wildcards)
        }
        return best?.id
    }

    /// Forgets the least recently seen tenth of the templates (at least one) and prunes the
    /// tree nodes left empty.
    private mutating func evictLeastRecentlySeen() {
        let batch = max(1, configuration.maxTemplates / 10)
        let oldest = clusters.map { (lastSeen: $0.value.lastSeen, id: $0.key) }.sorted { $0.lastSeen < $1.lastSeen }
        for (_, id) in oldest.prefix(batch) {
            let cluster = clusters[id]!
            let length = cluster.tokens.count
            roots[length]?.remove(id, along: cluster.route[...])
            if roots[length]?.isEmpty == true {
                roots[length] = nil
            }
            clusters[id] = nil
        }
    }
}
