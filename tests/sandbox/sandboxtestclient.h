#pragma once

// A synchronous little HTTP client for the sandbox tests: a plain QNetworkAccessManager,
// waited on with an event loop, so that each test reads as request -> answer.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUuid>

namespace agentfolio::test {

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct Answer
{
    bool finished = false; // false: no answer within the wait
    int status = 0; // 0 when the transfer failed before a status line
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    bool isJsonObject() const { return QJsonDocument::fromJson(body).isObject(); }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return header.second;
        }
        return {};
    }
    QString errorCode() const { return json().value(QStringLiteral("errorCode")).toString(); }
    QString errorMessage() const { return json().value(QStringLiteral("errorMessage")).toString(); }
    QString field() const { return json().value(QStringLiteral("field")).toString(); }
};

inline QByteArray newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
}

class SandboxTestClient
{
public:
    explicit SandboxTestClient(QUrl baseUrl)
        : m_baseUrl(std::move(baseUrl))
    { }

    void setBaseUrl(const QUrl &baseUrl) { m_baseUrl = baseUrl; }
    QNetworkAccessManager &manager() { return m_manager; }

    // The headers a well-behaved client sends: both keys and a fresh request id.
    static Headers defaultHeaders(const QByteArray &apiKey = "test-api-key",
                                  const QByteArray &userKey = "test-user-key")
    {
        return { { "x-api-key", apiKey },
                 { "x-user-key", userKey },
                 { "x-request-id", newRequestId() } };
    }

    // Starts a request; the caller waits on it (for the tests that look at it in flight).
    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {},
                         const Headers &headers = defaultHeaders())
    {
        QUrl url = m_baseUrl;
        url.setPath(path);
        QNetworkRequest request(url);
        // The tests look at redirects themselves.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
        for (const auto &header : headers)
            request.setRawHeader(header.first, header.second);
        return m_manager.sendCustomRequest(request, method, body);
    }

    static Answer wait(QNetworkReply *reply, int timeoutMs = 20000)
    {
        Answer answer;
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
        answer.finished = reply->isFinished();
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.error = reply->error();
        answer.body = reply->readAll();
        answer.headers = reply->rawHeaderPairs();
        if (!answer.finished)
            reply->abort();
        reply->deleteLater();
        return answer;
    }

    Answer send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                const Headers &headers = defaultHeaders())
    {
        return wait(start(method, path, body, headers));
    }

    Answer send(const QByteArray &method, const QString &path, const QJsonObject &body,
                const Headers &headers = defaultHeaders())
    {
        return send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }

private:
    QUrl m_baseUrl;
    QNetworkAccessManager m_manager;
};

} // namespace agentfolio::test
