#include "store/indexpreload.h"

#include "store/storelog.h"

#include <QFile>

#if defined(Q_OS_LINUX)
#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#define AGENTFOLIO_INDEX_PRELOAD 1
#endif

namespace agentfolio {

IndexPreload::IndexPreload(const QString &path)
    : m_path(path)
    , m_nativePath(QFile::encodeName(path))
{
#ifdef AGENTFOLIO_INDEX_PRELOAD
    m_thread = std::thread([this] { run(); });
#endif
}

IndexPreload::~IndexPreload()
{
    if (m_thread.joinable())
        m_thread.join();
}

std::optional<IndexPreload::FileStamp> IndexPreload::stamp(const QByteArray &path, int fd)
{
#ifdef AGENTFOLIO_INDEX_PRELOAD
    struct stat info
    {
    };
    const int result = fd >= 0 ? ::fstat(fd, &info) : ::stat(path.constData(), &info);
    if (result != 0)
        return errno == ENOENT && fd < 0 ? std::optional<FileStamp>(FileStamp {}) : std::nullopt;
    if (!S_ISREG(info.st_mode))
        return std::nullopt;
    constexpr qint64 Billion = 1'000'000'000;
    return FileStamp { true,
                       quint64(info.st_dev),
                       quint64(info.st_ino),
                       qint64(info.st_size),
                       qint64(info.st_mtim.tv_sec) * Billion + info.st_mtim.tv_nsec,
                       qint64(info.st_ctim.tv_sec) * Billion + info.st_ctim.tv_nsec };
#else
    Q_UNUSED(path);
    Q_UNUSED(fd);
    return std::nullopt;
#endif
}

void IndexPreload::run()
{
#ifdef AGENTFOLIO_INDEX_PRELOAD
    // The window needs what is read here only once it is built: until then this thread is
    // the one that can wait. On a machine with few cores it competes with the window's
    // construction and with the display server for them; a lower priority lets those go
    // first (at 10,000 tokens on two cores, the window showed about 5 ms sooner). Should
    // the window be ready first, the main thread waits in hasRead() and this thread has
    // a core to itself. On Linux a nice value set for a thread id is that thread's alone.
    constexpr int LowerPriorityBy = 10;
    const auto thread = id_t(::syscall(SYS_gettid));
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, thread);
    if (errno == 0)
        ::setpriority(PRIO_PROCESS, thread, qMin(nice + LowerPriorityBy, 19));
    const int fd = ::open(m_nativePath.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) {
            if (const auto absent = stamp(m_nativePath); absent && !absent->exists) {
                m_stamp = *absent;
                m_content = PortfolioIndex::ContentId::of(QByteArrayView());
                m_outcome = PortfolioIndex::ReadOutcome::Missing;
            }
        }
        return; // anything else: load() reads the file and reports the problem
    }
    const auto opened = stamp(m_nativePath, fd);
    if (!opened || opened->size <= 0) {
        ::close(fd);
        return;
    }
    const auto size = size_t(opened->size);
    void *mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED)
        return;
    ::madvise(mapped, size, MADV_SEQUENTIAL);
    const char *const begin = static_cast<const char *>(mapped);
    // Hands back the pages the reading has passed (less a margin for the text it still
    // holds a view of): they are read again from the page cache if ever touched.
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    size_t released = 0;
    auto release = [&](qsizetype done) {
        const qsizetype keep = PortfolioIndex::ProgressStep / 4;
        if (done <= keep || pageSize <= 0)
            return;
        const size_t upTo = size_t(done - keep) / size_t(pageSize) * size_t(pageSize);
        if (upTo <= released)
            return;
        ::madvise(const_cast<char *>(begin) + released, upTo - released, MADV_DONTNEED);
        released = upTo;
    };
    const QByteArrayView text(begin, qsizetype(size));
    const PortfolioIndex::ContentId content = PortfolioIndex::ContentId::of(text, release);
    ::madvise(mapped, size, MADV_DONTNEED);
    released = 0;
    auto profiles = PortfolioIndex::readAsWritten(text, release);
    ::munmap(mapped, size);
    if (!profiles) {
        qCDebug(lcStore) << "index preload: not as written; load() reads" << m_path;
        return;
    }
    m_stamp = *opened;
    m_content = content;
    m_profiles = std::move(*profiles);
    m_outcome = PortfolioIndex::ReadOutcome::Ok;
#endif
}

bool IndexPreload::hasRead()
{
    if (m_thread.joinable())
        m_thread.join();
    return m_outcome.has_value();
}

std::optional<PortfolioIndex::ReadOutcome> IndexPreload::take(PortfolioIndex::Profiles *profiles,
                                                              PortfolioIndex::ContentId *content)
{
    if (!hasRead())
        return std::nullopt;
    const auto outcome = std::exchange(m_outcome, std::nullopt);
    if (stamp(m_nativePath) != std::optional<FileStamp>(m_stamp)) {
        qCInfo(lcStore) << "index preload:" << m_path << "changed since; read again";
        m_profiles.clear();
        return std::nullopt;
    }
    *profiles = std::move(m_profiles);
    m_profiles.clear();
    *content = m_content;
    return outcome;
}

} // namespace agentfolio
