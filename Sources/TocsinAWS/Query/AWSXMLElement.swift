/// One element of an XML answer, with its text and child elements; attributes are dropped,
/// since AWS's query protocol puts everything in elements.
public struct AWSXMLElement: Sendable, Hashable {
    /// The element name, without namespace prefix handling (AWS uses a default namespace).
    public var name: String
    /// The character data directly inside the element, entities decoded.
    public var text: String
    /// The child elements, in document order.
    public var children: [AWSXMLElement]

    /// Creates an element.
    public init(name: String, text: String = "", children: [AWSXMLElement] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child called `name`, or `nil`.
    public func child(_ name: String) -> AWSXMLElement? {
        children.first { $0.name == name }
    }

    /// The element reached by following children named `path`, or `nil` when one is missing.
    public func child(path: String...) -> AWSXMLElement? {
        path.reduce(Optional(self)) { element, name in element?.child(name) }
    }

    /// The children called `name` (`member` in lists of the query protocol, `item` in EC2's).
    public func children(_ name: String) -> [AWSXMLElement] {
        children.filter { $0.name == name }
    }

    /// The text of the first child called `name`, or `nil` when there is none.
    public func text(of name: String) -> String? {
        child(name)?.text
    }

    /// The text of the first child called `name`.
    ///
    /// Throws ``AWSError/Code/invalidResponse`` when there is none.
    public func requiredText(of name: String) throws(AWSError) -> String {
        guard let value = text(of: name) else { throw AWSError(.invalidResponse, "<\(self.name)> has no <\(name)>") }
        return value
    }

    /// The first element called `name` here or below, searching depth-first, or `nil`.
    public func descendant(_ name: String) -> AWSXMLElement? {
        for child in children {
            if child.name == name { return child }
            if let found = child.descendant(name) { return found }
        }
        return nil
    }
}
