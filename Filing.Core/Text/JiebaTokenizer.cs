using JiebaNet.Segmenter;

namespace Filing.Core.Text;

/// <summary>
/// jieba.NET in precise mode (精确模式, with HMM for unknown words) behind <see cref="ITokenizer"/>.
/// jieba keeps one dictionary per process, so there is one segmenter per process: <see cref="Initialize"/> it once
/// at start-up with the folder holding jieba's dictionaries and the legal user dictionaries, then
/// <see cref="Warm"/> it so that the first request does not pay the ~0.6 s dictionary load.
/// </summary>
public sealed class JiebaTokenizer : ITokenizer
{
    private static readonly Lock Gate = new();
    private static JiebaTokenizer? _shared;

    private readonly JiebaSegmenter _segmenter;

    private JiebaTokenizer(JiebaSegmenter segmenter, string resourceDirectory, IReadOnlyList<string> userDictionaries)
    {
        _segmenter = segmenter;
        ResourceDirectory = resourceDirectory;
        UserDictionaries = userDictionaries;
    }

    /// <summary>The folder with jieba's own dictionaries (dict.txt, prob_emit.json, prob_trans.json).</summary>
    public string ResourceDirectory { get; }

    /// <summary>User dictionaries loaded into the process-wide dictionary.</summary>
    public IReadOnlyList<string> UserDictionaries { get; }

    /// <summary>Whether the dictionaries have been loaded (the first segmentation happened).</summary>
    public bool IsWarm { get; private set; }

    /// <summary>The default location of jieba's dictionaries: <c>Resources/jieba</c> under the application folder.</summary>
    public static string DefaultResourceDirectory => Path.Combine(AppContext.BaseDirectory, "Resources", "jieba");

    /// <summary>The default folder of user dictionaries: <c>corpus/dictionaries</c> under the application folder.</summary>
    public static string DefaultUserDictionaryDirectory => Path.Combine(AppContext.BaseDirectory, "corpus", "dictionaries");

    /// <summary>
    /// The process-wide tokenizer. The first call fixes the resource folder and user dictionaries; later calls
    /// with different arguments fail rather than silently segment with another dictionary.
    /// </summary>
    /// <param name="resourceDirectory">Folder with jieba's dictionaries; defaults to <see cref="DefaultResourceDirectory"/>.</param>
    /// <param name="userDictionaries">User dictionary files (one word per line: word [frequency] [tag]); defaults to every
    /// <c>*.txt</c> in <see cref="DefaultUserDictionaryDirectory"/>.</param>
    /// <exception cref="FileNotFoundException">jieba's dictionaries or a user dictionary are missing.</exception>
    public static JiebaTokenizer Initialize(string? resourceDirectory = null, IEnumerable<string>? userDictionaries = null)
    {
        var dir = Path.GetFullPath(resourceDirectory ?? DefaultResourceDirectory);
        var dicts = (userDictionaries ?? DefaultUserDictionaries()).Select(Path.GetFullPath).ToList();
        foreach (var file in (string[])["dict.txt", "prob_emit.json", "prob_trans.json"])
        {
            if (!File.Exists(Path.Combine(dir, file)))
            {
                // Without them jieba's static initialiser throws a TypeInitializationException the process cannot recover from.
                throw new FileNotFoundException($"jieba dictionary '{file}' not found in '{dir}'.", Path.Combine(dir, file));
            }
        }

        foreach (var dict in dicts)
        {
            if (!File.Exists(dict))
            {
                throw new FileNotFoundException($"User dictionary '{dict}' not found.", dict);
            }
        }

        lock (Gate)
        {
            if (_shared is { } existing)
            {
                if (existing.ResourceDirectory != dir || !existing.UserDictionaries.SequenceEqual(dicts))
                {
                    throw new InvalidOperationException(
                        $"jieba is already initialised with '{existing.ResourceDirectory}'; it keeps one dictionary per process.");
                }

                return existing;
            }

            ConfigManager.ConfigFileBaseDir = dir;
            var segmenter = new JiebaSegmenter();
            foreach (var dict in dicts)
            {
                segmenter.LoadUserDict(dict);
            }

            _shared = new JiebaTokenizer(segmenter, dir, dicts);
            return _shared;
        }
    }

    /// <summary>The process-wide tokenizer, initialised with the defaults if nobody did so before.</summary>
    public static JiebaTokenizer Shared => _shared ?? Initialize();

    /// <summary>Loads the dictionaries now by segmenting a short legal sentence.</summary>
    public void Warm()
    {
        _ = Tokenize("本县政府投资项目必须使用本地企业生产的建材，对违反本办法的处以罚款。");
        IsWarm = true;
    }

    /// <inheritdoc />
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var result = new List<Token>(text.Length / 2 + 1);
        foreach (var token in _segmenter.Tokenize(text, TokenizerMode.Default, hmm: true))
        {
            result.Add(new Token(token.Word, token.StartIndex));
        }

        IsWarm = true;
        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<Token> TokenizeForSearch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var result = new List<Token>(text.Length / 2 + 1);
        foreach (var token in _segmenter.Tokenize(text, TokenizerMode.Search, hmm: true))
        {
            result.Add(new Token(token.Word, token.StartIndex));
        }

        IsWarm = true;
        return result;
    }

    private static IEnumerable<string> DefaultUserDictionaries() =>
        Directory.Exists(DefaultUserDictionaryDirectory)
            ? Directory.EnumerateFiles(DefaultUserDictionaryDirectory, "*.txt").Order(StringComparer.Ordinal)
            : [];
}
