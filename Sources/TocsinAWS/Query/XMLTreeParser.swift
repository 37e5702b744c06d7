import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

extension AWSXMLElement {
    /// The root element of the XML document `bytes`.
    ///
    /// Throws ``AWSError/Code/invalidResponse``, naming the line and column, when `bytes` is
    /// not one well-formed element.
    public init(parsing bytes: [UInt8]) throws(AWSError) {
        let builder = XMLTreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = builder
        parser.shouldResolveExternalEntities = false
        let finished = parser.parse()
        if !finished || builder.failed || parser.parserError != nil {
            throw AWSError(.invalidResponse, "the answer is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber))")
        }
        guard let root = builder.root else { throw AWSError(.invalidResponse, "the answer holds no XML element") }
        self = root
    }
}

/// Collects `XMLParser`'s events into ``AWSXMLElement``s.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    /// The elements opened and not yet closed, outermost first.
    private var open: [AWSXMLElement] = []
    /// The finished document element.
    private(set) var root: AWSXMLElement?
    /// Whether the parser reported an error.
    private(set) var failed = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        open.append(AWSXMLElement(name: elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !open.isEmpty else { return }
        open[open.count - 1].text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = open.popLast() else { return }
        if open.isEmpty {
            root = element
        } else {
            open[open.count - 1].children.append(element)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        failed = true
    }
}
