namespace Filing.Core.Register;

/// <summary>A cleanup campaign's decision on one document (清理结果).</summary>
public enum CleanupDecision
{
    /// <summary>继续有效.</summary>
    Continue,

    /// <summary>拟修改: stays in force until amended.</summary>
    Amend,

    /// <summary>废止.</summary>
    Repeal,

    /// <summary>宣布失效.</summary>
    DeclareInvalid,
}
