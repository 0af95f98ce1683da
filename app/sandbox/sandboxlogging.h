#pragma once

#include <QLoggingCategory>

namespace agentfolio {

// "agentfolio.sandbox": method, path, status and request id of every call. Never a key,
// a token or a body.
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

} // namespace agentfolio
