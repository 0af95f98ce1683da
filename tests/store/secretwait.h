#pragma once

#include "store/secretjob.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <optional>

namespace agentfolio::test {

// Waits for a job's answer and returns a copy of it (the job deletes itself after).
// nullopt if no answer came within `waitMs`.
inline std::optional<SecretResult> waitForResult(SecretJob *job, int waitMs = 20'000)
{
    auto result = std::make_shared<std::optional<SecretResult>>();
    QObject guard;
    QObject::connect(job, &SecretJob::finished, &guard,
                     [result](SecretJob *finished) { *result = finished->result(); });
    QElapsedTimer timer;
    timer.start();
    while (!*result && timer.elapsed() < waitMs)
        QTest::qWait(5);
    return *result;
}

inline QString kindName(const std::optional<SecretResult> &result)
{
    if (!result)
        return QStringLiteral("no answer");
    if (result->ok())
        return QStringLiteral("ok");
    return SecretStoreError::kindName(result->error->kind);
}

} // namespace agentfolio::test

namespace agentfolio::test {

// Counts log messages containing a phrase, passing every message on to the previous handler.
// Turns the store's debug messages on, so the count does not depend on the environment.
class LogWatcher
{
public:
    explicit LogWatcher(const QString &phrase)
    {
        QLoggingCategory::setFilterRules(QStringLiteral("agentfolio.store.debug=true"));
        s_phrase = phrase;
        s_count = 0;
        s_previous = qInstallMessageHandler(&LogWatcher::handle);
    }
    ~LogWatcher() { qInstallMessageHandler(s_previous); }
    int count() const { return s_count; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (message.contains(s_phrase))
            ++s_count;
        if (s_previous)
            s_previous(type, context, message);
    }
    static inline QString s_phrase;
    static inline int s_count = 0;
    static inline QtMessageHandler s_previous = nullptr;
};

} // namespace agentfolio::test
