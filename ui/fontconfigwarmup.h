#pragma once

#include <thread>

namespace agentfolio {

// Fontconfig reads its configuration (dozens of XML files) and font caches the first time
// Qt needs a font, on the GUI thread: about a third of what a plain Qt window does before
// it shows. Begun on a thread of its own at the start of main(), that reading overlaps
// with QApplication's construction (loading the platform plugin, connecting to the display)
// and the session's set-up, which use no fonts. Qt's own FcInit() then finds it done.
//
// wait() must come before the first font is used (the main window's construction):
// fontconfig does not make a second caller wait, it would read everything again.
// Where Qt does not use fontconfig, this does nothing.
class FontconfigWarmUp
{
public:
    FontconfigWarmUp();
    ~FontconfigWarmUp(); // waits
    FontconfigWarmUp(const FontconfigWarmUp &) = delete;
    FontconfigWarmUp &operator=(const FontconfigWarmUp &) = delete;

    void wait();

private:
    std::thread m_thread;
};

} // namespace agentfolio
