#include "fontconfigwarmup.h"

#ifdef AGENTFOLIO_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

namespace agentfolio {

FontconfigWarmUp::FontconfigWarmUp()
{
#ifdef AGENTFOLIO_HAVE_FONTCONFIG
    m_thread = std::thread([] { FcInit(); });
#endif
}

FontconfigWarmUp::~FontconfigWarmUp()
{
    wait();
}

void FontconfigWarmUp::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace agentfolio
