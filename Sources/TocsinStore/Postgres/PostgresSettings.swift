import Foundation
import PostgresNIO

/// How to reach a PostgreSQL database (see ``StoreURL`` for the URL form).
public struct PostgresSettings: Sendable, Hashable, CustomStringConvertible {
    /// Whether connections use TLS.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Never.
        case disable
        /// When the server offers it.
        case prefer
        /// Always, verifying the server's certificate.
        case require
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The user to connect as.
    public var username: String
    /// The user's password, if any.
    public var password: String?
    /// The database.
    public var database: String
    /// Whether connections use TLS.
    public var tls: TLSMode

    /// Creates settings.
    public init(host: String, port: Int = 5432, username: String = "postgres", password: String? = nil,
                database: String? = nil, tls: TLSMode = .disable) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database ?? username
        self.tls = tls
    }

    /// Parses a `postgres://` or `postgresql://` URL, throwing
    /// ``StoreError/Kind/configuration`` (without the password) when it is invalid.
    public init(parsing url: String) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql" else {
            throw StoreError(
                .configuration, "PostgreSQL store URL is malformed: expected postgres://USER:PASSWORD@HOST:PORT/DATABASE"
            )
        }
        guard var host = components.host, !host.isEmpty else {
            throw StoreError(.configuration, "PostgreSQL store URL has no host")
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else {
            throw StoreError(.configuration, "PostgreSQL store URL has an invalid port \(port)")
        }
        var path = components.path
        if path.hasPrefix("/") { path.removeFirst() }
        guard !path.contains("/") else {
            throw StoreError(.configuration, "PostgreSQL store URL path must be a single database name")
        }
        var tls = TLSMode.disable
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw StoreError(.configuration, "PostgreSQL store URL has an unsupported parameter '\(item.name)'")
            }
            guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                throw StoreError(.configuration, "PostgreSQL store URL sslmode must be disable, prefer or require")
            }
            tls = mode
        }
        let user = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? "postgres"
        self.init(host: host, port: port, username: user, password: components.password,
                  database: path.isEmpty ? nil : path, tls: tls)
    }

    /// The settings as a URL, with the password replaced by `***`.
    public var description: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = username
        components.password = password == nil ? nil : "***"
        components.host = host.contains(":") ? "[\(host)]" : host
        components.port = port
        components.path = "/" + database
        if tls != .disable { components.queryItems = [URLQueryItem(name: "sslmode", value: tls.rawValue)] }
        return components.string ?? "postgres://\(username)@\(host):\(port)/\(database)"
    }
}

extension PostgresSettings {
    /// The pooled client's configuration.
    func clientConfiguration() -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch self.tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls
        )
    }

    /// The configuration of one direct connection (used to migrate).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls = switch self.tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw StoreError(.configuration, "cannot set up TLS for \(self): \(error)")
        }
        return PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls
        )
    }
}
