#include "api/apireply.h"

namespace agentfolio {

ApiReply::ApiReply(Operation operation, const QUuid &requestId, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_requestId(requestId)
{ }

ApiReply::~ApiReply()
{
    if (!m_finished && m_abort) {
        // No one will read the answer: stop the transfer without emitting anything.
        m_finished = true;
        m_abort();
    }
}

void ApiReply::abort()
{
    if (!m_finished && m_abort)
        m_abort();
}

void ApiReply::finishWithError(ApiError error)
{
    if (m_finished)
        return;
    error.requestId = m_requestId;
    m_error = std::move(error);
    m_finished = true;
    m_abort = nullptr;
    emit finished();
}

void ApiReply::finishOk()
{
    if (m_finished)
        return;
    m_finished = true;
    m_abort = nullptr;
    emit finished();
}

} // namespace agentfolio
