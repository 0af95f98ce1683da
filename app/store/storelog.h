#pragma once

#include <QLoggingCategory>

// The secret store's, the index's and the hand-off's log: key names, profile ids,
// portfolio and token ids, error kinds and file paths. Never a secret value.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
