#include "sandbox/sandboxlogging.h"

namespace agentfolio {

Q_LOGGING_CATEGORY(lcSandbox, "agentfolio.sandbox")

} // namespace agentfolio
