import NIOCore
import NIOSSL

/// Builds the TLS client context and server name for a configuration.
enum SMTPTLSUpgradeFactory {
    /// A TLS 1.2+ context trusting the system roots and the configured PEM files, and the name to verify.
    /// - Throws: ``SMTPError`` at the `configuration` stage when a certificate file cannot be read.
    static func upgrade(for configuration: SMTPConfiguration) throws(SMTPError) -> SMTPRequest.TLSUpgrade {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        var trusted: [NIOSSLCertificate] = []
        for path in configuration.tls.additionalTrustedCertificateFiles {
            do {
                trusted += try NIOSSLCertificate.fromPEMFile(path)
            } catch {
                throw SMTPError(
                    stage: .configuration, message: "cannot read trusted certificates from \(path): \(error)", isTransient: false)
            }
        }
        if !trusted.isEmpty { tls.additionalTrustRoots = [.certificates(trusted)] }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw SMTPError(stage: .configuration, message: "cannot set up TLS: \(error)", isTransient: false)
        }
        let name = configuration.tls.serverName ?? configuration.host
        // SNI cannot carry an IP address; without a name NIOSSL checks the certificate against the peer's address.
        let isIPAddress = (try? SocketAddress(ipAddress: name, port: 0)) != nil
        return SMTPRequest.TLSUpgrade(context: context, serverHostname: isIPAddress ? nil : name)
    }
}
