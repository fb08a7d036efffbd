namespace Cchc.Etl.Plans;

/// <summary>The columns of a remediation plan's appendix (the seed's layout).</summary>
internal enum PlanColumn
{
    /// <summary>STT: the criterion code, e.g. 1.1.2.</summary>
    Code,

    /// <summary>Lĩnh vực/Tiêu chí/Tiêu chí thành phần.</summary>
    Name,

    /// <summary>Điểm chuẩn.</summary>
    MaxPoints,

    /// <summary>Điểm thẩm định.</summary>
    AppraisedPoints,

    /// <summary>Điểm bị mất.</summary>
    PointsLost,

    /// <summary>Giải pháp.</summary>
    Remedy,

    /// <summary>Cơ quan chủ trì thực hiện.</summary>
    LeadAgencies,

    /// <summary>Cơ quan phối hợp.</summary>
    CoordinatingAgencies,

    /// <summary>Thời gian thực hiện.</summary>
    Deadline,

    /// <summary>Ghi chú.</summary>
    Note,
}
