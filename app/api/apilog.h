#pragma once

#include <QLoggingCategory>

// The API client's log: method, path, status, request id and timing. Never a key,
// a token or a request body (bodies may carry names the user considers private,
// and answers carry token secrets).
Q_DECLARE_LOGGING_CATEGORY(lcApi)
