#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace agentfolio {

// One HTTP answer of the sandbox, before it is written to the socket. Kept apart from the
// socket so that faults can reshape it (late, truncated, malformed) after the API produced it.
struct SandboxReply
{
    int status = 200;
    QByteArray contentType; // empty when there is no body
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // beyond the framing ones

    static SandboxReply json(int status, const QJsonObject &object);
    // {"errorCode": ..., "errorMessage": ...}, plus "field" when the error is about one member.
    static SandboxReply error(int status, const QString &errorCode, const QString &errorMessage,
                              const QString &field = {});
    static SandboxReply noContent();
    static SandboxReply html(int status, const QString &title, const QString &text);

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    // The complete HTTP/1.1 message. `closeConnection` adds "Connection: close".
    // `announcedLength` >= 0 overrides Content-Length (the truncation fault lies with it).
    QByteArray toHttp(bool closeConnection, qint64 announcedLength = -1) const;

    static QByteArray reasonPhrase(int status);
};

} // namespace agentfolio
