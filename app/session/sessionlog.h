#pragma once

#include <QLoggingCategory>

// The session and the create flow: profile changes, create outcomes, request ids.
Q_DECLARE_LOGGING_CATEGORY(lcSession)
