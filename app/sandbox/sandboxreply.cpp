#include "sandbox/sandboxreply.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

namespace agentfolio {

SandboxReply SandboxReply::json(int status, const QJsonObject &object)
{
    SandboxReply reply;
    reply.status = status;
    reply.contentType = QByteArrayLiteral("application/json; charset=utf-8");
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

SandboxReply SandboxReply::error(int status, const QString &errorCode, const QString &errorMessage,
                                 const QString &field)
{
    QJsonObject object {
        { QStringLiteral("errorCode"), errorCode },
        { QStringLiteral("errorMessage"), errorMessage },
    };
    if (!field.isEmpty())
        object.insert(QStringLiteral("field"), field);
    return json(status, object);
}

SandboxReply SandboxReply::noContent()
{
    SandboxReply reply;
    reply.status = 204;
    return reply;
}

SandboxReply SandboxReply::html(int status, const QString &title, const QString &text)
{
    // What an edge proxy sends: a page for people, not for programs.
    SandboxReply reply;
    reply.status = status;
    reply.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    reply.body = QStringLiteral("<!DOCTYPE html>\n<html><head><title>%1</title></head>\n"
                                "<body><center><h1>%1</h1></center>\n<p>%2</p>\n"
                                "<hr><center>sandbox-edge</center></body></html>\n")
                     .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
                     .toUtf8();
    return reply;
}

void SandboxReply::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({ name, value });
}

QByteArray SandboxReply::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray SandboxReply::toHttp(bool closeConnection, qint64 announcedLength) const
{
    QByteArray out;
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Date: "
        + QLocale::c()
              .toString(QDateTime::currentDateTimeUtc(),
                        QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
              .toLatin1()
        + "\r\n";
    out += "Server: agentfolio-sandbox\r\n";
    // A 204 has no body and, by RFC 9110, no Content-Length either.
    if (status != 204) {
        if (!contentType.isEmpty())
            out += "Content-Type: " + contentType + "\r\n";
        out += "Content-Length: "
            + QByteArray::number(announcedLength >= 0 ? announcedLength : body.size()) + "\r\n";
    }
    for (const auto &header : headers)
        out += header.first + ": " + header.second + "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (status != 204)
        out += body;
    return out;
}

QByteArray SandboxReply::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 204:
        return QByteArrayLiteral("No Content");
    case 207:
        return QByteArrayLiteral("Multi-Status");
    case 307:
        return QByteArrayLiteral("Temporary Redirect");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArrayLiteral("Status");
    }
}

} // namespace agentfolio
